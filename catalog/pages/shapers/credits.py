"""What the season and person shapers share: their credits split by department."""

from functools import cached_property

from catalog.models import Credit


class ByDepartment:
    """For a shaper holding `credits` in page order: its cast and its crew, in that order."""

    @cached_property
    def cast(self):
        return [c for c in self.credits if c.department == Credit.Department.CAST]

    @cached_property
    def crew(self):
        return [c for c in self.credits if c.department == Credit.Department.CREW]
