"""TMDb-compatible reads at /tmdb/3/: the wiki's published content in The Movie Database's API
v3 shapes, so that a TMDb client reads it with only its base URL changed.

A TMDb "tv" is a wiki series (its integer pk), a TMDb season is a wiki season, found by its
series and number; a TMDb person is a wiki person. Only published content, for everyone
(the `published()` rule). Fields the wiki doesn't hold are null or empty, never made up; the
README's "TMDb-compatible reads" lists each field's source.
"""
