package nplusone

import (
	"encoding/json"
	"testing"
)

func TestAttachGroupsPostsUnderAuthorsInIDOrder(t *testing.T) {
	authors := []Author{{ID: 4, Posts: []Post{}}, {ID: 5, Posts: []Post{}}, {ID: 6, Posts: []Post{}}}
	posts := []AuthorPost{
		{AuthorID: 5, Post: Post{ID: 10}},
		{AuthorID: 4, Post: Post{ID: 11}},
		{AuthorID: 5, Post: Post{ID: 12}},
		{AuthorID: 99, Post: Post{ID: 13}}, // not on the page: ignored
	}
	Attach(authors, posts)
	want := map[int32][]int32{4: {11}, 5: {10, 12}, 6: {}}
	for _, a := range authors {
		var got []int32
		for _, p := range a.Posts {
			got = append(got, p.ID)
		}
		if len(got) != len(want[a.ID]) {
			t.Fatalf("author %d posts = %v; want %v", a.ID, got, want[a.ID])
		}
		for i := range got {
			if got[i] != want[a.ID][i] {
				t.Fatalf("author %d posts = %v; want %v", a.ID, got, want[a.ID])
			}
		}
	}
}

func TestAuthorWithoutPostsRendersEmptyArray(t *testing.T) {
	b, err := json.Marshal(Author{ID: 1, Posts: []Post{}})
	if err != nil {
		t.Fatal(err)
	}
	var decoded map[string]any
	if err := json.Unmarshal(b, &decoded); err != nil {
		t.Fatal(err)
	}
	if posts, ok := decoded["posts"].([]any); !ok || len(posts) != 0 {
		t.Errorf("posts = %v; want []", decoded["posts"])
	}
	for _, key := range []string{"id", "name", "email", "bio", "created_at", "posts"} {
		if _, ok := decoded[key]; !ok {
			t.Errorf("missing key %q in %s", key, b)
		}
	}
	if len(decoded) != 6 {
		t.Errorf("keys = %v; want exactly id, name, email, bio, created_at, posts", decoded)
	}
}
