"""Domain errors: what can go wrong, in business terms. The presentation layer maps them to HTTP."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every domain error; `detail` is the client-facing message."""

    detail = "Domain error"

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(detail or self.detail)
        if detail:
            self.detail = detail


class UserNotFound(DomainError):
    detail = "User not found"


class EmailAlreadyExists(DomainError):
    detail = "Email already exists"


class InvalidUserData(DomainError):
    detail = "Invalid user data"


class ProductNotFound(DomainError):
    detail = "Product not found"


class StockOutOfRange(DomainError):
    """A decrement would take the stock past what it can hold; nothing is written."""

    detail = "Stock out of range"


class SerializationFailure(DomainError):
    """A SERIALIZABLE transaction lost to a concurrent one; `detail` is the driver's message."""

    detail = "could not serialize access"


class AuthenticationFailed(DomainError):
    """Credentials rejected; `detail` says which rule (the contract fixes the messages)."""

    detail = "Authentication failed"


class UpstreamUnavailable(DomainError):
    detail = "Upstream unavailable"
