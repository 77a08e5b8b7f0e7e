from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateSpaceRequest")


@_attrs_define
class CreateSpaceRequest:
    """Body of `createSpace`. Assumption: the page marks no field required; `name` is required here, the rest optional.
    `organizationId` omitted means the token's default scope, empty means personal scope (as for `listSpaces`).

        Example:
            {'name': 'string', 'organizationId': 'string', 'projectId': 'string', 'status': 'Draft', 'priority': 'urgent',
                'currentStrength': 0}

        Attributes:
            name (str):
            organization_id (str | Unset):
            project_id (str | Unset):
            status (str | Unset): Open string; the page's example is "Draft".
            priority (str | Unset): Open string; the page's example is "urgent".
            current_strength (int | Unset): Assumption: an integer (the page's example is 0); it is not part of the
                documented `Space` response.
    """

    name: str
    organization_id: str | Unset = UNSET
    project_id: str | Unset = UNSET
    status: str | Unset = UNSET
    priority: str | Unset = UNSET
    current_strength: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        organization_id = self.organization_id

        project_id = self.project_id

        status = self.status

        priority = self.priority

        current_strength = self.current_strength

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if organization_id is not UNSET:
            field_dict["organizationId"] = organization_id
        if project_id is not UNSET:
            field_dict["projectId"] = project_id
        if status is not UNSET:
            field_dict["status"] = status
        if priority is not UNSET:
            field_dict["priority"] = priority
        if current_strength is not UNSET:
            field_dict["currentStrength"] = current_strength

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        organization_id = d.pop("organizationId", UNSET)

        project_id = d.pop("projectId", UNSET)

        status = d.pop("status", UNSET)

        priority = d.pop("priority", UNSET)

        current_strength = d.pop("currentStrength", UNSET)

        create_space_request = cls(
            name=name,
            organization_id=organization_id,
            project_id=project_id,
            status=status,
            priority=priority,
            current_strength=current_strength,
        )

        return create_space_request
