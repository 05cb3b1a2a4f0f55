import datetime

import factory
from django.contrib.auth.models import Group, Permission, User
from django.utils.text import slugify

from catalog.content import services
from catalog.models import (
    Accolade,
    Credit,
    Episode,
    Event,
    InfoboxField,
    Outlet,
    Person,
    Reference,
    Review,
    Season,
    Section,
    Series,
)


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Series
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class SeasonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Season

    series = factory.SubFactory(SeriesFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"{o.series.name} season {o.number}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    background_color = "#412304"
    network = "Netflix"
    release_date = datetime.date(2018, 3, 8)
    episode_count = 13


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    season = factory.SubFactory(SeasonFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Section {n}")
    anchor = factory.LazyAttribute(lambda o: slugify(o.title))
    body = "A paragraph."


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person Number{n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    sort_name = factory.LazyAttribute(lambda o: ", ".join(reversed(o.name.split(" ", 1))))


class EpisodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Episode

    season = factory.SubFactory(SeasonFactory)
    number = factory.Sequence(lambda n: n + 1)


class CreditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Credit

    season = factory.SubFactory(SeasonFactory)
    person = factory.SubFactory(PersonFactory)
    department = Credit.Department.CAST
    billing = Credit.Billing.MAIN
    character = factory.Sequence(lambda n: f"Character {n}")
    order = factory.Sequence(lambda n: n + 1)


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"Outlet {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    season = factory.SubFactory(SeasonFactory)
    outlet = factory.SubFactory(OutletFactory)
    critic = factory.SubFactory(PersonFactory)
    kind = Review.Kind.CRITIC
    rating_text = "4 out of 5 stars"
    score = 80
    sentiment = Review.Sentiment.POSITIVE


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    season = factory.SubFactory(SeasonFactory)
    date = datetime.date(2017, 4, 3)
    date_precision = Event.Precision.DAY
    kind = Event.Kind.FILMING
    text = factory.Sequence(lambda n: f"Something happened, number {n}.")
    source = factory.LazyAttribute(lambda o: o.text)


class InfoboxFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InfoboxField

    season = factory.SubFactory(SeasonFactory)
    position = factory.Sequence(lambda n: n + 1)
    key = factory.Sequence(lambda n: f"Key {n}")
    value = "A value"


class AccoladeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Accolade

    season = factory.SubFactory(SeasonFactory)
    year = 2018
    award = "Saturn Awards"
    category = factory.Sequence(lambda n: f"Category {n}")
    nominee = factory.SubFactory(PersonFactory)
    nominee_text = factory.LazyAttribute(lambda o: o.nominee.name if o.nominee else "")
    result = Accolade.Result.NOMINATED


class ReferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reference

    season = factory.SubFactory(SeasonFactory)
    number = factory.Sequence(lambda n: n + 1)


def grow(season, times=10, people=None):
    """Add (times - 1) times the seed's credits, reviews, events, sections, citations and
    episodes to the season, so that it holds `times` as much; five people share the work."""
    extra = times - 1
    people = people or PersonFactory.create_batch(5)
    for n in range(40 * extra):
        billing = [Credit.Billing.MAIN, Credit.Billing.RECURRING, Credit.Billing.GUEST][n % 3]
        CreditFactory(season=season, person=people[n % 5], billing=billing, order=100 + n)
    for n in range(13 * extra):
        episode = EpisodeFactory(season=season, number=100 + n)
        CreditFactory(
            season=season,
            person=people[n % 5],
            department=Credit.Department.CREW,
            billing=None,
            character="",
            job="cover artist",
            episode=episode,
        )
    ReviewFactory.create_batch(7 * extra, season=season, critic=people[0])
    for n in range(25 * extra):
        event = EventFactory(season=season, kind=Event.Kind.CASTING)
        event.people.add(people[n % 5], people[(n + 1) % 5])
    for n in range(17 * extra):
        # Each section cites its own reference twice.
        reference = ReferenceFactory(season=season, number=1000 + n)
        body = f"Grown[{reference.number}] sentence number {n}.[{reference.number}]"
        SectionFactory(season=season, position=100 + n, level=2 + n % 2, body=body)
    AccoladeFactory.create_batch(extra, season=season, nominee=people[1])
    # Lines of keys the site does not type (the seed has none: its keys are all typed).
    for n in range(times):
        InfoboxFieldFactory(season=season, position=200 + n, key=f"Location {n}", value="NYC")
    return people


def edit_history(season, actor, rounds=1):
    """`rounds` of edits through the write service, one revision each: a section, a credit, an
    episode, a review, an event and a person of the season, and the season itself."""
    credit = season.credits.filter(department=Credit.Department.CAST).first()
    edits = [
        (season.sections.order_by("position").first(), "body"),
        (credit, "character"),
        (season.episodes.order_by("number").first(), "title"),
        (season.reviews.order_by("id").first(), "excerpt"),
        (season.events.order_by("id").first(), "text"),
        (credit.person, "sort_name"),
        (season, "lead"),
    ]
    for _ in range(rounds):
        for instance, field in edits:
            fields = {field: f"Edited {field}, version {instance.version + 1}."}
            services.content_save(instance=instance, actor=actor, fields=fields)


def editors_group():
    """The Editors group, made again with every permission on the catalog: the flush that ends
    every transactional test empties the group the data migrations (0002, 0011) made."""
    editors, _created = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(Permission.objects.filter(content_type__app_label="catalog"))
    return editors


def editor_user(username, password):
    """A staff account in the Editors group, with a password to sign in with."""
    user = User.objects.create_user(username, password=password, is_staff=True)
    user.groups.add(editors_group())
    return user
