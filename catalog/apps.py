from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = "Season wiki"

    def ready(self):
        from catalog.api import cors  # noqa: F401  (connects the CORS signal receiver)
        from catalog.delivery import caching  # noqa: F401  (connects the invalidation receiver)
        from catalog.history import revisions
        from catalog.models.versions import give_site_a_version
        from catalog.plumbing import (
            checks,  # noqa: F401  (registers the system checks)
            logins,  # noqa: F401  (connects the sign-in receiver)
        )

        revisions.connect_delete_receivers()
        post_migrate.connect(give_site_a_version, sender=self)
