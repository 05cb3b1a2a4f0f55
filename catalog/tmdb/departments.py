"""The one table from the wiki's crew jobs to TMDb's departments and job names.

A cast credit is TMDb's "Acting". A crew job the table doesn't name keeps its own words (in
TMDb's title case) under "Crew", TMDb's department for what fits no other.
"""

ACTING = "Acting"
OTHER = "Crew"

# Wiki job (catalog.domain.vocabulary's INFOBOX_JOBS, and what the importer reads) -> (TMDb
# department, TMDb job).
DEPARTMENTS = {
    "creator": ("Writing", "Creator"),
    "developer": ("Writing", "Developer"),
    "writer": ("Writing", "Writer"),
    "showrunner": ("Production", "Showrunner"),
    "executive producer": ("Production", "Executive Producer"),
    "producer": ("Production", "Producer"),
    "casting director": ("Production", "Casting Director"),
    "director": ("Directing", "Director"),
    "composer": ("Sound", "Original Music Composer"),
    "theme music composer": ("Sound", "Main Title Theme Composer"),
    "editor": ("Editing", "Editor"),
    "director of photography": ("Camera", "Director of Photography"),
    "cinematographer": ("Camera", "Director of Photography"),
    "production designer": ("Art", "Production Design"),
    # The comic-book covers drawn for each episode's title card, and the art seen on screen.
    "cover artist": ("Art", "Cover Artist"),
    "artist": ("Art", "Artist"),
}


def tmdb_job(job):
    """(department, job) in TMDb's words for a wiki crew job."""
    key = " ".join(job.lower().split())
    if key in DEPARTMENTS:
        return DEPARTMENTS[key]
    return OTHER, " ".join(word[:1].upper() + word[1:] for word in key.split())


def department_of(credit):
    """The TMDb department of a wiki credit (cast or crew)."""
    return ACTING if credit.department == "cast" else tmdb_job(credit.job)[0]
