"""The one error the command line reports as a single line, without a traceback."""


class ThinkTwiceError(Exception):
    """Something a teacher can fix: the message names the file or the problem."""
