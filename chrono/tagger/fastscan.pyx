# cython: language_level=3
"""The trigger scan of chrono.tagger.tokens, compiled: one pass over the characters in C.

`trigger_runs` gives exactly what the pure-Python `chrono.tagger.tokens.trigger_runs` gives (same
Runs, same tokens, same pieces of long runs, chunk by chunk); a test compares the two on the
corpus, the seeds, generated and random text. What changes is how a chunk becomes words: the pure
version splits the whole chunk with a regex and builds a list of every word, start and level;
here the characters are classified in C (the classes of chrono.normalize.TOKEN_PATTERN: Arabic
letters, other letters, ASCII digits, a line break, any other non-space character), each word's
level comes from the same cache, and Python objects are made only for the tokens of runs.

Built by setup.py when Cython and a C compiler are there; chrono.tagger.tokens falls back to the
pure-Python scan otherwise (or when CHRONO_PURE_PYTHON is set).
"""
from cpython.mem cimport PyMem_Free, PyMem_Malloc
from cpython.unicode cimport Py_UNICODE_ISALNUM, Py_UNICODE_ISDECIMAL, Py_UNICODE_ISSPACE

# Token kinds, in TOKEN_PATTERN's order; SPACE separates tokens and is not one.
cdef enum:
    AR = 0
    LAT = 1
    NUM = 2
    NL = 3
    P = 4
    SPACE = -1

KIND_NAMES = ("ar", "lat", "num", "nl", "p")


cdef inline int char_kind(Py_UCS4 c) noexcept:
    """The token class of one character, as TOKEN_PATTERN reads it: ar [\u0621-\u064a\u0671-\u06d3],
    lat [^\\W\\d_\u0621-\u06ff] (a word character that is not a decimal digit, '_' or in the
    Arabic block), num [0-9], nl, and p for any other character that is not a space."""
    if 0x0621 <= c <= 0x064A or 0x0671 <= c <= 0x06D3:
        return AR
    if 0x30 <= c <= 0x39:
        return NUM
    if c == 0x0A:
        return NL
    if Py_UNICODE_ISSPACE(c):
        return SPACE
    if Py_UNICODE_ISALNUM(c) and not Py_UNICODE_ISDECIMAL(c) and not (0x0621 <= c <= 0x06FF):
        return LAT
    return P


cdef class PlainFilter:
    """Decides in C that an Arabic word is plain, without making it a string or looking it up:
    none of word, word[1:], word[2:], word[3:] is one of `suffixes` (chrono.tagger.words.WordIndex
    gives the forms that any reading of a non-plain word ends as). A reversed trie of those
    strings, walked from the word's last letter."""

    cdef int *child  # child[node * width + code], 0: none (node 0 is the root, never a child)
    cdef unsigned char *terminal
    cdef unsigned short code[0x10000]  # character → 1 + its column; 0: in no suffix
    cdef int width
    cdef bint everything  # a suffix outside the trie's reach: every word may be a trigger
    cdef bint empty  # the empty string is a suffix: words of up to 3 letters end in it (word[len:])

    def __cinit__(self, suffixes):
        cdef list words = sorted(set(suffixes))
        cdef dict columns = {}
        cdef Py_ssize_t nodes = 1, size, node, i
        cdef str word
        cdef Py_UCS4 c
        cdef object point
        self.everything = False
        self.empty = "" in words
        for word in words:
            for point in map(ord, word):
                if point < 0x10000 and point not in columns:
                    columns[point] = len(columns)
        self.width = max(1, len(columns))
        for i in range(0x10000):
            self.code[i] = 0
        for point, i in columns.items():
            self.code[<Py_ssize_t> point] = i + 1
        size = 1 + sum(len(word) for word in words)
        self.child = <int *> PyMem_Malloc(size * self.width * sizeof(int))
        self.terminal = <unsigned char *> PyMem_Malloc(size)
        if not (self.child and self.terminal):
            raise MemoryError()
        for i in range(size * self.width):
            self.child[i] = 0
        for i in range(size):
            self.terminal[i] = 0
        for word in words:
            if not word:
                continue
            if any(ord(ch) >= 0x10000 for ch in word):
                self.everything = True  # never the case for Arabic forms; stay exact if it is
                continue
            node = 0
            for i in range(len(word) - 1, -1, -1):
                c = word[i]
                if self.child[node * self.width + self.code[c] - 1] == 0:
                    self.child[node * self.width + self.code[c] - 1] = nodes
                    nodes += 1
                node = self.child[node * self.width + self.code[c] - 1]
            self.terminal[node] = 1

    def __dealloc__(self):
        PyMem_Free(self.child)
        PyMem_Free(self.terminal)

    cdef bint may_trigger(self, str piece, Py_ssize_t start, Py_ssize_t end) noexcept:
        """Whether piece[start + k:end] is a suffix for some k in 0..3."""
        cdef Py_ssize_t p
        cdef int node = 0
        cdef unsigned short column
        cdef Py_UCS4 c
        if self.everything or (self.empty and end - start <= 3):
            return True
        for p in range(end - 1, start - 1, -1):
            c = piece[p]
            column = self.code[c] if c < 0x10000 else 0
            if column == 0:
                return False
            node = self.child[node * self.width + column - 1]
            if node == 0:
                return False
            if self.terminal[node] and p - start <= 3:
                return True
        return False

    def __call__(self, str word) -> bool:
        """may_trigger for a whole word (for tests)."""
        return self.may_trigger(word, 0, len(word))


cdef class _Chunk:
    """One chunk's tokens: starts, ends, kinds and levels in C arrays, texts in a list."""

    cdef Py_ssize_t n
    cdef Py_ssize_t offset
    cdef Py_ssize_t *starts
    cdef Py_ssize_t *ends
    cdef int *kinds
    cdef int *levels
    cdef list words

    def __cinit__(self, Py_ssize_t capacity):
        capacity = max(capacity, 1)
        self.starts = <Py_ssize_t *> PyMem_Malloc(capacity * sizeof(Py_ssize_t))
        self.ends = <Py_ssize_t *> PyMem_Malloc(capacity * sizeof(Py_ssize_t))
        self.kinds = <int *> PyMem_Malloc(capacity * sizeof(int))
        self.levels = <int *> PyMem_Malloc(capacity * sizeof(int))
        if not (self.starts and self.ends and self.kinds and self.levels):
            raise MemoryError()
        self.n = 0
        self.words = []

    def __dealloc__(self):
        PyMem_Free(self.starts)
        PyMem_Free(self.ends)
        PyMem_Free(self.kinds)
        PyMem_Free(self.levels)

    cdef str piece

    cdef object word(self, Py_ssize_t i):
        word = self.words[i]
        return self.piece[self.starts[i]:self.ends[i]] if word is None else word

    cdef object token(self, Py_ssize_t i, object new, object token_type):
        return new(token_type, (self.word(i), self.offset + self.starts[i], self.offset + self.ends[i],
                                KIND_NAMES[self.kinds[i]]))

    cdef list neighbour(self, Py_ssize_t i, object new, object token_type):
        return [self.token(i, new, token_type)] if 0 <= i < self.n else []


cdef _Chunk read_chunk(Py_ssize_t offset, str piece, dict cache, object trigger_level, Py_ssize_t max_cached,
                      PlainFilter plain):
    """Tokens of one chunk with their levels (cached per word, as the pure scan caches them; an
    Arabic word `plain` rules out is level 0 at once, which is what trigger_level says of it)."""
    cdef Py_ssize_t length = len(piece)
    cdef _Chunk chunk = _Chunk(length)
    cdef Py_ssize_t i = 0, j, n = 0
    cdef int kind
    cdef Py_UCS4 c
    cdef str word
    cdef object level
    chunk.offset = offset
    chunk.piece = piece
    while i < length:
        c = piece[i]
        kind = char_kind(c)
        if kind == SPACE:
            i += 1
            continue
        j = i + 1
        if kind == AR or kind == LAT or kind == NUM:
            while j < length and char_kind(piece[j]) == kind:
                j += 1
        if kind == AR and plain is not None and not plain.may_trigger(piece, i, j):
            chunk.starts[n] = i
            chunk.ends[n] = j
            chunk.kinds[n] = kind
            chunk.levels[n] = 0
            chunk.words.append(None)  # made only if the token is a run's neighbour
            n += 1
            i = j
            continue
        word = piece[i:j]
        level = cache.get(word)
        if level is None:
            level = trigger_level(word, KIND_NAMES[kind])
            if len(cache) < max_cached:
                cache[word] = level
        chunk.starts[n] = i
        chunk.ends[n] = j
        chunk.kinds[n] = kind
        chunk.levels[n] = level
        chunk.words.append(word)
        n += 1
        i = j
    chunk.n = n
    return chunk


cdef list materialize(list carried, Py_ssize_t first, Py_ssize_t last, _Chunk chunk, list previous,
                      object new, object token_type):
    """The open run as tokens: what was carried, else the token before the run, then the run's
    tokens first..last of this chunk (none when first < 0)."""
    cdef list out = list(carried)
    cdef Py_ssize_t i
    if not carried and first >= 0:
        out.extend(chunk.neighbour(first - 1, new, token_type) if first else previous)
    if first >= 0:
        for i in range(first, last + 1):
            out.append(chunk.token(i, new, token_type))
    return out


def trigger_runs(chunks, dict cache, trigger_level, Py_ssize_t max_run, Py_ssize_t keep, head_if_next,
                 Py_ssize_t max_cached, token_type, run_type, PlainFilter plain=None):
    """chrono.tagger.tokens.trigger_runs over `chunks` ((offset, text) pairs, chrono.tagger.tokens' cut):
    the same Runs, computed the same way, with the chunk's words read in C. `plain`: a filter
    that agrees with `trigger_level` on the Arabic words it rules out (None: ask of every word)."""
    new = tuple.__new__
    cdef list carried = []
    cdef Py_ssize_t first = -1  # this chunk's first token of the open run (-1: none in this chunk)
    cdef bint head = False
    cdef Py_ssize_t first_owned = 0
    cdef Py_ssize_t last = -2  # chunk index of the open run's last token (-1: it ends the previous chunk)
    cdef Py_ssize_t limit = max_run + keep if max_run else (<Py_ssize_t> 1) << 62
    cdef Py_ssize_t room = limit
    cdef list previous = []  # the last token of the previous chunk
    cdef list run
    cdef Py_ssize_t i, tail
    cdef int level
    cdef _Chunk chunk
    for offset, piece in chunks:
        chunk = read_chunk(offset, piece, cache, trigger_level, max_cached, plain)
        for i in range(chunk.n):
            level = chunk.levels[i]
            if level == 0:
                continue
            if i != last + 1 and (first >= 0 or carried):
                if head:
                    yield run_type(materialize(carried, first, last, chunk, previous, new, token_type)
                                   + chunk.neighbour(last + 1, new, token_type), first_owned, True)
                carried, first, head, first_owned, room = [], -1, False, 0, limit
            if first < 0:
                first = i
            last = i
            if not head:
                head = level == 2 or (level == 3 and (i + 1 == chunk.n or chunk.word(i + 1) in head_if_next))
            if i - first + 1 >= room:
                run = materialize(carried, first, last, chunk, previous, new, token_type)
                yield run_type(run, first_owned, False)
                tail = 2 * keep  # run[-2 * keep:], as Python slices it (keep 0: the whole run)
                carried = run[len(run) - tail:] if 0 < tail < len(run) else list(run)
                first, first_owned = -1, keep
                room = limit - len(carried)
        if (first >= 0 or carried) and last == chunk.n - 1:  # the run may go on in the next chunk
            carried = materialize(carried, first, last, chunk, previous, new, token_type)
            first = -1
            room, last = limit - len(carried), -1
        else:
            if (first >= 0 or carried) and head:
                yield run_type(materialize(carried, first, last, chunk, previous, new, token_type)
                               + chunk.neighbour(last + 1, new, token_type), first_owned, True)
            carried, first, head, first_owned, room, last = [], -1, False, 0, limit, -2
        previous = chunk.neighbour(chunk.n - 1, new, token_type)
    if carried and head:
        yield run_type(carried, first_owned, True)
