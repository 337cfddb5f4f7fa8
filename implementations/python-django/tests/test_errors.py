"""The exception handler: DRF's 400/415 become 422, 401 stays 401, bodies are {"detail": …}."""

import json

import pytest
from rest_framework import exceptions
from rest_framework.test import APIRequestFactory

from api.exceptions import Conflict, Unauthorized, exception_handler, validation_issues
from api.views.basic import EchoView, ProtectedView, UploadView, simulated_user
from api.views.users import UserViewSet

factory = APIRequestFactory()


def rendered(response) -> tuple[int, object]:
    response.render()
    return response.status_code, json.loads(response.content)


@pytest.mark.parametrize(
    "exc, status",
    [
        (exceptions.ValidationError({"name": ["This field is required."]}), 422),
        (exceptions.ParseError("JSON parse error"), 422),
        (exceptions.UnsupportedMediaType("text/plain"), 422),
        (exceptions.NotFound("User not found"), 404),
        (Unauthorized("Invalid token"), 401),
        (Conflict("Email already exists"), 409),
    ],
)
def test_statuses(exc, status):
    assert exception_handler(exc, {}).status_code == status


def test_validation_errors_become_a_list_of_issues():
    response = exception_handler(exceptions.ValidationError({"name": ["required"], "email": ["bad"]}), {})
    assert response.data == {
        "detail": [
            {"loc": ["name"], "msg": "required", "type": "invalid"},
            {"loc": ["email"], "msg": "bad", "type": "invalid"},
        ]
    }


def test_nested_issues_keep_their_path():
    assert validation_issues({"data": {"a": ["bad"]}}) == [{"loc": ["data", "a"], "msg": "bad", "type": "invalid"}]


def test_other_errors_keep_their_message():
    assert exception_handler(exceptions.NotFound("User not found"), {}).data == {"detail": "User not found"}


def test_malformed_json_is_422():
    request = factory.post("/echo", '{"message": "unterminated', content_type="application/json")
    status, body = rendered(EchoView.as_view()(request))
    assert status == 422 and isinstance(body["detail"], str)


def test_invalid_echo_is_422_with_issues():
    request = factory.post("/echo", {"message": 42}, format="json")
    status, body = rendered(EchoView.as_view()(request))
    assert status == 422 and body["detail"][0]["loc"] == ["message"]


def test_missing_authorization_is_401_not_drfs_403():
    status, body = rendered(ProtectedView.as_view()(factory.get("/protected")))
    assert (status, body) == (401, {"detail": "Authorization header required"})


@pytest.mark.parametrize(
    "header, message",
    [(None, "Authorization header required"), ("Basic abc", "Invalid authorization format"), ("Bearer short", "Invalid token")],
)
def test_protected_rules(header, message):
    with pytest.raises(Unauthorized, match=message):
        simulated_user(header)


def test_protected_user_is_the_token_prefix():
    assert simulated_user("Bearer test-token-12345") == "user_from_token_test-tok"


def test_upload_without_file_part_is_422():
    request = factory.post("/upload", {"other": "x"}, format="multipart")
    assert rendered(UploadView.as_view()(request)) == (422, {"detail": "No file uploaded"})


def test_upload_that_is_not_multipart_is_422():
    request = factory.post("/upload", {}, format="json")
    assert rendered(UploadView.as_view()(request))[0] == 422


def test_non_integer_user_id_is_422_before_any_query():
    view = UserViewSet.as_view({"get": "retrieve"})
    status, _ = rendered(view(factory.get("/users/abc"), pk="abc"))
    assert status == 422
