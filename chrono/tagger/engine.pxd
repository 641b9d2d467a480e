# Types for compiling chrono/tagger/engine.py with Cython (pure Python mode): the .py stays the
# one source, run as is when the compiled module is absent or turned off (CHRONO_PURE_PYTHON=1).
# Here its chart items, pattern elements, rules and chart become extension types with typed
# fields, and the parser's loops get typed locals; behaviour is the .py's.
cimport cython


cdef class Item:
    cdef public str cls
    cdef public object value
    cdef public Py_ssize_t start, end, cstart, cend
    cdef public str rule
    cdef public tuple children
    cdef public str prefix
    cdef public Py_ssize_t weight


cdef class Elem:
    cdef public str cls
    cdef public object pred
    cdef public bint ctx
    cdef public str label
    cdef public object words
    cdef public object roles
    cdef public bint exact


cdef class Guard:
    cdef public object pred
    cdef public bint after
    cdef public str label
    cdef public bint ctx
    cdef public str cls


cdef class Rule:
    cdef public str name
    cdef public tuple pattern
    cdef public object production
    cdef public str out
    cdef public Py_ssize_t priority, order
    cdef public str doc
    cdef public object next_kinds
    cdef public tuple arg_positions, real_positions
    cdef public Py_ssize_t last_real
    cdef public object first_pred
    cdef public bint single, pair, all_args


cdef class Chart:
    cdef public list tokens
    cdef public dict items, keys, kinds, final_kinds

    @cython.locals(pos=Py_ssize_t, seen=dict, bucket=list, values=list)
    cpdef bint add(self, Item item) except -1


@cython.locals(max_words=Py_ssize_t, n=Py_ssize_t, i=Py_ssize_t, start=Py_ssize_t, tok_end=Py_ssize_t,
               m=Py_ssize_t, bucket=list, item=Item, shift=Py_ssize_t, cache=dict)
cpdef add_lexical_items(Chart chart, list tokens, object words)


@cython.locals(chart=Chart, positions=list, final_kinds=dict, kinds=dict, items=dict, pos=Py_ssize_t)
cpdef list analyze_tokens(list tokens, object grammar)


@cython.locals(bucket=list, final_kinds=dict, items_at=dict, cached=dict, cached_kw=dict, first=Item, item=Item,
               r=Rule, second=Elem, rules=list, by_following=dict, end=Py_ssize_t)
cdef _saturate(Chart chart, Py_ssize_t pos, object grammar)


@cython.locals(item=Item, last=bint, items=list)
cdef _extend(Chart chart, tuple pattern, Py_ssize_t k, Py_ssize_t pos, Py_ssize_t start, list acc, list found)


@cython.locals(args=list, weight=Py_ssize_t, i=Py_ssize_t, first=Item)
cdef bint _produce(Chart chart, Rule r, list items) except -1
