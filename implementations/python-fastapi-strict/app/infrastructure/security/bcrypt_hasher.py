"""PasswordHasher with bcrypt, cost 12."""

from __future__ import annotations

import bcrypt


class BcryptHasher:
    def __init__(self, rounds: int = 12) -> None:
        self.rounds = rounds

    def hash(self, password: bytes) -> bytes:
        return bcrypt.hashpw(password, bcrypt.gensalt(rounds=self.rounds))
