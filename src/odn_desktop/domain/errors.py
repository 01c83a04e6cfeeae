"""The one error type that carries a message meant for the coordinator."""


class UserError(Exception):
    """An error whose German message is shown to the coordinator as it is (bugs use other exceptions)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
