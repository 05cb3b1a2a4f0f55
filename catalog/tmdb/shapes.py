"""TMDb API v3 objects made from the wiki's rows: no queries here (views.py reads the rows).

What TMDb has and the wiki doesn't (images, votes, popularity, genres, languages, birthdays)
is null or empty; README "TMDb-compatible reads" lists every field's source.
"""

from catalog.domain.vocabulary import join_paragraphs, split_paragraphs, strip_markers
from catalog.tmdb.departments import ACTING, department_of, tmdb_job


def _date(value):
    return value.isoformat() if value else None


def overview(prose):
    """An article's prose as plain text: its paragraphs without citation markers."""
    return join_paragraphs([" ".join(strip_markers(p).split()) for p in split_paragraphs(prose)])


def person_fields(person, department):
    """The person part of a TMDb credit or search result."""
    return {
        "adult": False,
        "gender": 0,  # TMDb's "not specified"
        "id": person.pk,
        "known_for_department": department,
        "name": person.name,
        "original_name": person.name,
        "popularity": None,
        "profile_path": None,
    }


def person(person, known_for_department):
    return {
        "adult": False,
        "also_known_as": [],
        "biography": "",
        "birthday": None,
        "deathday": None,
        "gender": 0,
        "homepage": None,
        "id": person.pk,
        "imdb_id": None,
        "known_for_department": known_for_department,
        "name": person.name,
        "place_of_birth": None,
        "popularity": None,
        "profile_path": None,
    }


def known_for_department(credits):
    """The department of most of a person's credits (the first met wins a tie), or None."""
    counts = {}
    for credit in credits:
        department = department_of(credit)
        counts[department] = counts.get(department, 0) + 1
    return max(counts, key=counts.get) if counts else None


def tv_summary(series):
    """A TMDb tv list item (search results, a person's tv credits): `series` annotated with
    its published seasons' first_air_date."""
    return {
        "adult": False,
        "backdrop_path": None,
        "genre_ids": [],
        "id": series.pk,
        "origin_country": [],
        "original_language": None,
        "original_name": series.name,
        "overview": "",
        "popularity": None,
        "poster_path": None,
        "first_air_date": _date(series.first_air_date),
        "name": series.name,
        "vote_average": None,
        "vote_count": 0,
    }


def episode_count(season):
    """The season's own count (its infobox), else the episodes the wiki lists."""
    return season.episode_count if season.episode_count is not None else season.episode_rows


def _first_per_person(credits):
    first = {}
    for credit in credits:
        first.setdefault(credit.person_id, credit)
    return list(first.values())


def tv(series, seasons, creators):
    """TMDb's tv details: `seasons` are the published ones in number order, annotated with
    episode_rows; `creators`, crew credits with the job "creator"."""
    dates = [season.release_date for season in seasons if season.release_date]
    counts = [episode_count(season) for season in seasons]
    networks = list(dict.fromkeys(season.network for season in seasons if season.network))
    return {
        "adult": False,
        "backdrop_path": None,
        "created_by": [
            {
                "id": credit.person_id,
                "credit_id": str(credit.pk),
                "name": credit.person.name,
                "original_name": credit.person.name,
                "gender": 0,
                "profile_path": None,
            }
            for credit in _first_per_person(creators)
        ],
        "episode_run_time": [],
        "first_air_date": _date(min(dates, default=None)),
        "genres": [],
        "homepage": "",
        "id": series.pk,
        "in_production": None,
        "languages": [],
        "last_air_date": _date(max(dates, default=None)),
        "last_episode_to_air": None,
        "name": series.name,
        "next_episode_to_air": None,
        "networks": [
            {"id": None, "logo_path": None, "name": name, "origin_country": ""} for name in networks
        ],
        "number_of_episodes": None if None in counts else sum(counts),
        "number_of_seasons": len(seasons),
        "origin_country": [],
        "original_language": None,
        "original_name": series.name,
        "overview": "",
        "popularity": None,
        "poster_path": None,
        "production_companies": [],
        "production_countries": [],
        "seasons": [
            {
                "air_date": _date(season.release_date),
                "episode_count": episode_count(season),
                "id": season.pk,
                "name": season.title,
                "overview": overview(season.lead),
                "poster_path": None,
                "season_number": season.number,
                "vote_average": None,
            }
            for season in seasons
        ],
        "spoken_languages": [],
        "status": None,
        "tagline": "",
        "type": None,
        "vote_average": None,
        "vote_count": 0,
    }


def season(season, episodes, credits):
    """TMDb's season details; `credits` are all the season's credits in billing order (an
    episode's crew and guest stars are those credited for that episode)."""
    by_episode = {}
    for credit in credits:
        if credit.episode_id is not None:
            by_episode.setdefault(credit.episode_id, []).append(credit)
    return {
        "_id": str(season.pk),
        "air_date": _date(season.release_date),
        "episodes": [
            {
                "air_date": None,
                "episode_number": episode.number,
                "episode_type": None,
                "id": episode.pk,
                "name": episode.title,
                "overview": "",
                "production_code": "",
                "runtime": None,
                "season_number": season.number,
                "show_id": season.series_id,
                "still_path": None,
                "vote_average": None,
                "vote_count": 0,
                **credits_of(by_episode.get(episode.pk, []), cast_key="guest_stars"),
            }
            for episode in episodes
        ],
        "name": season.title,
        "overview": overview(season.lead),
        "id": season.pk,
        "poster_path": None,
        "season_number": season.number,
        "vote_average": None,
    }


def credits_of(credits, cast_key="cast"):
    """TMDb's cast and crew lists of `credits` (in billing order): cast with its position in
    that order as `order`, crew with its TMDb department and job."""
    cast, crew = [], []
    for credit in credits:
        if credit.department == "cast":
            cast.append(
                {
                    **person_fields(credit.person, ACTING),
                    "character": credit.character,
                    "credit_id": str(credit.pk),
                    "order": len(cast),
                }
            )
        else:
            department, job = tmdb_job(credit.job)
            crew.append(
                {
                    **person_fields(credit.person, department),
                    "credit_id": str(credit.pk),
                    "department": department,
                    "job": job,
                }
            )
    return {cast_key: cast, "crew": crew}


def episodes_counted(credits):
    """How many episodes `credits` name, or None when one is for a whole season (the wiki
    doesn't say in how many episodes a season's regular appears)."""
    if any(credit.episode_id is None for credit in credits):
        return None
    return len({credit.episode_id for credit in credits})


def _grouped(credits, key):
    groups = {}
    for credit in credits:
        groups.setdefault(key(credit), []).append(credit)
    return groups


def _entries(credits, name, key):
    """One entry per `key` of `credits` (a person's roles, or jobs): the first credit's id,
    the value as `name`, and in how many episodes."""
    return [
        {"credit_id": str(group[0].pk), name: value, "episode_count": episodes_counted(group)}
        for value, group in _grouped(credits, key).items()
    ]


def aggregate_credits(credits):
    """TMDb's aggregate credits of `credits` (in billing order): one cast entry per person with
    their roles, one crew entry per person and department with their jobs."""
    cast = []
    people = _grouped([c for c in credits if c.department == "cast"], lambda c: c.person_id)
    for order, person_credits in enumerate(people.values()):
        cast.append(
            {
                **person_fields(person_credits[0].person, ACTING),
                "roles": _entries(person_credits, "character", lambda c: c.character),
                "total_episode_count": episodes_counted(person_credits),
                "order": order,
            }
        )
    crew = []
    teams = _grouped(
        [c for c in credits if c.department == "crew"],
        lambda c: (c.person_id, department_of(c)),
    )
    for (_, department), person_credits in teams.items():
        crew.append(
            {
                **person_fields(person_credits[0].person, department),
                "jobs": _entries(person_credits, "job", lambda c: tmdb_job(c.job)[1]),
                "department": department,
                "total_episode_count": episodes_counted(person_credits),
            }
        )
    return {"cast": cast, "crew": crew}


def tv_credits(credits, series_by_id):
    """TMDb's tv credits of a person: one cast entry per series and character, one crew entry
    per series and job; `credits` in air order, `series_by_id` annotated with air dates."""
    cast, crew = [], []
    roles = _grouped(credits, lambda c: (c.season.series_id, c.department, c.character, c.job))
    for (series_id, department, character, job), role in roles.items():
        entry = {
            **tv_summary(series_by_id[series_id]),
            "credit_id": str(role[0].pk),
            "episode_count": episodes_counted(role),
            "first_credit_air_date": _date(
                min((c.season.release_date for c in role if c.season.release_date), default=None)
            ),
        }
        if department == "cast":
            cast.append({**entry, "character": character})
        else:
            tmdb_department, tmdb_job_name = tmdb_job(job)
            crew.append({**entry, "department": tmdb_department, "job": tmdb_job_name})
    return {"cast": cast, "crew": crew}
