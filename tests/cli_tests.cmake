# Tests of the atelier command line, end to end.
