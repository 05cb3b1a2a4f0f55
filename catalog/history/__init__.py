"""The revisions' history as people read it, one rule per module:

- `visibility`: which history rows visitors may see (the public pages, the API's feed, TMDb);
- `labels`: the verbs and the one label of a history row, and the names its keys point to;
- `fields`: which fields a row changed, and the model fields its `changes` name;
- `diff`: the word diff of two texts;
- `public`: the revisions as visitors read them (/changes/, its feed, the home page);
- `entries`: the admin's pages of revisions and their rows, and deleted rows;
- `versions`: an object's values as of a revision, and what differs between two.

Recording is catalog.history.revisions; going back is catalog.content.reverts.
"""
