# Tests of core/io (import, export, search): filled in with that work.
