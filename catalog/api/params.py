"""Query parameters that take a list, and the one rule for those that take one value.

A list parameter (`include`, `ordering`) is read in both forms clients send: repeated
(`?include=credits&include=reviews`, what generated clients send for the schema's
`style: form, explode: true`) and comma-separated (`?include=credits,reviews`, what people
type), or both at once. Any other parameter takes one value: repeated, it is a 400 naming it,
never the last value kept silently.
"""

from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

LIST_PARAMETERS = ("include", "ordering")


def list_parameter(request, name):
    """The values of a list parameter, repeated or comma-separated, blanks left out."""
    return [
        value.strip()
        for raw in request.query_params.getlist(name)
        for value in raw.split(",")
        if value.strip()
    ]


def refuse_repeated_parameters(request):
    repeated = sorted(
        name
        for name, values in request.query_params.lists()
        if name not in LIST_PARAMETERS and len(values) > 1
    )
    if repeated:
        raise ValidationError({name: ["Takes one value; it was given more."] for name in repeated})


def include_parameter(includable):
    """The schema's `include`: an array, sent repeated (or comma-separated, also accepted)."""
    return OpenApiParameter(
        "include",
        {"type": "array", "items": {"type": "string", "enum": list(includable)}},
        OpenApiParameter.QUERY,
        style="form",
        explode=True,
        description="Related lists to embed, each in full and in order: repeat the parameter "
        "(include=credits&include=reviews) or separate them with commas.",
    )


class ListParametersMixin:
    """For a viewset: refuses repeated single-valued parameters, and reads `?include=` on a
    detail read (`includable` names what may be embedded)."""

    includable = ()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        refuse_repeated_parameters(request)

    @property
    def include(self):
        if getattr(self, "swagger_fake_view", False):
            return self.includable
        if not self.includable or self.action != "retrieve" or self.request.method != "GET":
            return ()
        names = list_parameter(self.request, "include")
        unknown = [name for name in names if name not in self.includable]
        if unknown:
            raise ValidationError(
                {
                    "include": [
                        f"Unknown: {', '.join(unknown)}. Choose from {', '.join(self.includable)}."
                    ]
                }
            )
        return tuple(dict.fromkeys(names))

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "include": self.include}

    def get_object(self):
        instance = super().get_object()
        if self.include:  # embedded lists: the ETag is the representation's hash alone
            self.versioned = None
        self.shown = [
            instance,
            *(item for name in self.include for item in getattr(instance, name).all()),
        ]
        return instance
