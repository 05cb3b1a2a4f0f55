from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = "Season wiki"

    def ready(self):
        from catalog.api import cors  # noqa: F401  (connects the CORS signal receiver)
        from catalog.delivery import caching  # noqa: F401  (connects the invalidation receiver)
        from catalog.history import revisions
        from catalog.plumbing import (
            checks,  # noqa: F401  (registers the system checks)
            logins,  # noqa: F401  (connects the sign-in receiver)
        )

        revisions.connect_delete_receivers()
