from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = "Season wiki"

    def ready(self):
        from catalog import (
            logins,  # noqa: F401  (connects the sign-in receiver)
            revisions,
        )
        from catalog.api import cors  # noqa: F401  (connects the CORS signal receiver)

        revisions.connect_delete_receivers()
