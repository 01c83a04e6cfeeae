"""The one error type that carries a message meant for the coordinator."""


class UserError(Exception):
    """An error whose German message is shown to the coordinator as it is.

    The UI shows ``str(error)`` without a traceback, so only input mistakes raise this; bugs raise ordinary
    exceptions and end up in the crash report instead.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
