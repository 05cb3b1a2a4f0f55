"""The REST API (/api/v1/): Django REST Framework over the same querysets the pages use."""
