"""Authors with their posts, loaded three ways."""

from __future__ import annotations

from app.domain.entities import Author
from app.domain.repositories import AuthorRepository


class ListAuthorsWithPosts:
    """`lazy`: the page, then one posts query per author (1 + N); `eager`: one JOIN;
    `subquery`: the page, then one `author_id IN (...)` query."""

    def __init__(self, authors: AuthorRepository) -> None:
        self.authors = authors

    async def execute(self, strategy: str, limit: int, offset: int) -> list[Author]:
        if strategy == "eager":
            return await self.authors.page_with_posts_joined(limit, offset)
        if strategy == "subquery":
            return await self.authors.page_with_posts_in_second_query(limit, offset)
        authors = await self.authors.page(limit, offset)
        for author in authors:  # the N+1, written out
            author.posts = await self.authors.posts_of(author.id)
        return authors
