# The N+1 endpoints' body: an author with its posts. The three strategies hand the same objects
# here (lazy: posts loaded one query per author; eager/subquery: already loaded), so their bodies
# are identical by construction.
module AuthorJson
  module_function

  def author(author)
    {
      id: author.id, name: author.name, email: author.email, bio: author.bio, created_at: author.created_at,
      posts: author.posts.map { |p| post(p) },
    }
  end

  def post(post)
    { id: post.id, title: post.title, content: post.content, view_count: post.view_count, created_at: post.created_at }
  end
end
