require 'test_helper'
require 'time'
require 'author_json'

class AuthorJsonTest < Minitest::Test
  Author = Struct.new(:id, :name, :email, :bio, :created_at, :posts, keyword_init: true)
  Post = Struct.new(:id, :author_id, :title, :content, :view_count, :created_at, keyword_init: true)
  T = Time.utc(2025, 1, 1)

  def test_nests_posts_without_author_id_in_the_given_order
    posts = [Post.new(id: 3, author_id: 1, title: 't3', content: 'c', view_count: 5, created_at: T),
             Post.new(id: 9, author_id: 1, title: 't9', content: nil, view_count: 0, created_at: T)]
    author = Author.new(id: 1, name: 'A', email: 'a@b', bio: 'bio', created_at: T, posts: posts)
    body = AuthorJson.author(author)
    assert_equal %i[id name email bio created_at posts], body.keys
    assert_equal [3, 9], body[:posts].map { |p| p[:id] }
    assert_equal %i[id title content view_count created_at], body[:posts].first.keys
  end

  def test_author_without_posts_has_an_empty_list
    author = Author.new(id: 2, name: 'B', email: 'b@b', bio: nil, created_at: T, posts: [])
    assert_equal [], AuthorJson.author(author)[:posts]
  end
end
