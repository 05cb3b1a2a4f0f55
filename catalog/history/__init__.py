"""The revisions' history: recorded with every write, read by people and clients, one rule per
module:

- `revisions`: recording a revision (who, through what, with which comment) for every write;
- `visibility`: which history rows visitors may see (the public pages, the API's feed, TMDb);
- `labels`: the verbs and the one label of a history row, and the names its keys point to;
- `fields`: which fields a row changed, and the model fields its `changes` name;
- `diff`: the word diff of two texts;
- `public`: the revisions as visitors read them (/changes/, its feed, the home page);
- `sync`: the revisions as API clients read them (/api/v1/changes/, an object's history);
- `entries`: the admin's pages of revisions and their rows, and deleted rows;
- `versions`: an object's values as of a revision, and what differs between two.

Going back (revert, undo, restore) writes content, so it lives with the write path:
catalog.content.reverts.
"""
