"""The editors' API token page in the admin (/admin/api-token/): a staff user sees, creates
or regenerates their own DRF token, and only their own."""

from django.contrib import admin, messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods
from rest_framework.authtoken.models import Token


@require_http_methods(["GET", "POST"])
def _api_token(request):
    if request.method == "POST":
        # Regenerating replaces the key: whatever used the old one stops working at once.
        # One transaction, so a failure never leaves the editor without any token.
        with transaction.atomic():
            Token.objects.filter(user=request.user).delete()
            Token.objects.create(user=request.user)
        messages.success(request, "Your new API token is shown below.")
        return redirect("admin-api-token")
    context = {
        **admin.site.each_context(request),
        "title": "Your API token",
        "token": Token.objects.filter(user=request.user).first(),
    }
    return TemplateResponse(request, "admin/api_token.html", context)


# The admin's own guard: staff only (others go to the admin login), CSRF-protected, never cached.
api_token = admin.site.admin_view(_api_token)
