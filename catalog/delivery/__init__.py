"""How answers reach readers fast: the answer cache, its Redis client, and purging shared caches
(Varnish)."""
