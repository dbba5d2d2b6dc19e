"""The teacher side: the ``thinktwice`` command line, course directories, grading and export."""
