"""Sign-in lockout (django-axes): failed admin sign-ins are counted per account and per
address; five of either within 15 minutes lock it, with a page that says what happened and
what to do, until the cool-off passes or an administrator runs the unlock command.

Attempts are stored in the database, so each test's transaction keeps its own.
"""

from datetime import timedelta
from http import HTTPStatus

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from catalog.models import Person

pytestmark = pytest.mark.django_db

PASSWORD = "an-editor-password"  # the editor fixture's
WRONG = "not-the-password"
HOME = "127.0.0.1"


def sign_in(username, password, address=HOME):
    """One sign-in at the admin's login form from `address`, in a browser of its own."""
    client = Client(REMOTE_ADDR=address)
    response = client.post(
        "/admin/login/?next=/admin/", {"username": username, "password": password}
    )
    response.signed_in = "_auth_user_id" in client.session
    return response


def fail(times, username="editor", address=HOME):
    return [sign_in(username, WRONG, address) for _ in range(times)]


def is_lockout_page(response):
    return response.status_code == HTTPStatus.TOO_MANY_REQUESTS and (
        "Sign-in locked" in response.content.decode()
    )


def test_four_failures_still_let_the_right_password_in(editor):
    responses = fail(4)

    assert [r.status_code for r in responses] == [HTTPStatus.OK] * 4
    assert "Please enter the correct username and password" in responses[-1].content.decode()
    assert sign_in("editor", PASSWORD).signed_in


def test_the_fifth_failure_locks_the_account_even_for_the_right_password(editor):
    *_, fifth = fail(5)

    assert is_lockout_page(fifth)
    right = sign_in("editor", PASSWORD)
    assert is_lockout_page(right)
    assert not right.signed_in


def test_the_lockout_page_says_what_happened_and_what_to_do(editor):
    *_, locked = fail(5)

    page = " ".join(locked.content.decode().split())
    assert "Too many failed sign-ins for “editor” or from this address." in page
    assert "After 5 failed tries, signing in is locked for 15 minutes from the last try" in page
    assert "Ask a site administrator: they can unlock your account at once." in page


def test_the_account_is_locked_whatever_address_the_failures_come_from(editor):
    for n in range(5):
        fail(1, address=f"10.0.0.{n + 1}")

    assert is_lockout_page(sign_in("editor", PASSWORD, address="10.0.0.99"))


def test_an_address_is_locked_whatever_accounts_it_tries(editor):
    for n in range(5):
        fail(1, username=f"guess-{n}", address="10.0.0.66")

    assert is_lockout_page(sign_in("editor", PASSWORD, address="10.0.0.66"))
    # The account itself is not locked: from elsewhere it signs in.
    assert sign_in("editor", PASSWORD, address="10.0.0.7").signed_in


def test_the_lock_lifts_once_the_cool_off_has_passed(editor):
    fail(5)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )

    assert sign_in("editor", PASSWORD).signed_in


def test_a_try_while_locked_starts_the_wait_again(editor):
    fail(5)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=10)
    )
    assert is_lockout_page(sign_in("editor", PASSWORD))
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=10)
    )

    # 20 minutes after the fifth failure, but only 10 after the latest try.
    assert is_lockout_page(sign_in("editor", PASSWORD))


def test_the_unlock_command_unlocks_an_account(editor, capsys):
    fail(5, address="10.0.0.1")
    fail(5, address="10.0.0.2")

    call_command("axes_reset_username", "editor")

    assert "2 attempts removed." in capsys.readouterr().out
    assert sign_in("editor", PASSWORD, address="10.0.0.3").signed_in


def test_the_unlock_command_unlocks_an_address(editor, capsys):
    for n in range(5):
        fail(1, username=f"guess-{n}", address="10.0.0.66")

    call_command("axes_reset_ip", "10.0.0.66")

    assert "5 attempts removed." in capsys.readouterr().out
    assert sign_in("editor", PASSWORD, address="10.0.0.66").signed_in


def test_a_successful_sign_in_forgets_the_accounts_failures(editor):
    fail(4)
    assert sign_in("editor", PASSWORD).signed_in

    fail(4)
    assert sign_in("editor", PASSWORD).signed_in


def test_a_successful_sign_in_keeps_the_failures_on_other_accounts(editor):
    # Another editor at this address guessed this editor's password four times, then signed
    # in to their own account: the four guesses still count.
    User.objects.create_user("other-editor", password="another-password", is_staff=True)
    fail(4, username="editor")
    assert sign_in("other-editor", "another-password").signed_in

    assert is_lockout_page(sign_in("editor", WRONG))


def test_behind_a_proxy_the_forwarded_address_is_counted(editor, settings):
    settings.PROXY_COUNT = 1
    for n in range(5):
        Client(REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR=f"1.2.3.4, 192.0.2.{n}").post(
            "/admin/login/", {"username": f"guess-{n}", "password": WRONG}
        )

    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {
        f"192.0.2.{n}" for n in range(5)
    }
    # The proxy's own address (shared by every client) is not locked.
    client = Client(REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR="192.0.2.50")
    client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert "_auth_user_id" in client.session


def test_an_api_token_still_works_while_its_account_is_locked(editor, editor_client, season):
    # The lockout guards password sign-in; a token is not a password and is not guessed here.
    fail(5)

    response = editor_client.patch(
        "/api/v1/people/krysten-ritter/", {"sort_name": "Ritter, K."}, format="json"
    )
    assert response.status_code == HTTPStatus.OK
    assert Person.objects.get(slug="krysten-ritter").sort_name == "Ritter, K."


def test_the_api_reads_with_a_signed_in_session(editor_admin, season):
    # DRF's session authentication never calls authenticate(), so the lockout backend is not
    # in its way: an editor signed in to the admin reads drafts in the API.
    season.status = "draft"
    season.save()

    response = editor_admin.get(f"/api/v1/seasons/{season.slug}/")
    assert response.status_code == HTTPStatus.OK
