"""The one error type the command-line verbs raise for a person.

Its own module so each verb's module can raise it without importing the verb
table in `desktop.cli.verbs` (which imports the verbs: that was a cycle).
"""

from db.errors import FiliformError


class CliError(FiliformError):
    """An error for a person: printed as one sentence, exit status 1."""
