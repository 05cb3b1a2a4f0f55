"""Site-wide security headers that Django has no setting for.

- Content-Security-Policy (django-csp): the public pages' strict policy is
  `CONTENT_SECURITY_POLICY`; the admin and the API's own pages (the browsable API, the
  Swagger UI) run their own scripts and carry style attributes in their markup, so paths under
  `TOOLS_CONTENT_SECURITY_POLICY["URL_PREFIXES"]` get that policy instead. A view's own
  django-csp decorator still wins over both.
- Permissions-Policy: every response turns off the browser features the site never uses.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the policy by path (its documented extension point)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        tools = settings.TOOLS_CONTENT_SECURITY_POLICY
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(tuple(tools["URL_PREFIXES"]))
        ):
            parts.config = tools["DIRECTIVES"]
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
