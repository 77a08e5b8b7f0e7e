from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Workspace")


@_attrs_define
class Workspace:
    """A workspace as listed by `listWorkspaces`.

    Example:
        {'id': 1, 'name': 'Workspace name', 'description': None, 'access_scope': 'public', 'created_at':
            '2022-01-01T00:01:45.941Z', 'workspace_group_id': 'uuid', 'count_views': 1}

    Attributes:
        id (int):
        name (str):
        description (None | str):
        access_scope (str): Open string. The page shows "public"; other values may appear.
        created_at (datetime.datetime):
        workspace_group_id (str): The group's id. Documented as a uuid for the query filter, but the page's response
            example shows the placeholder "uuid", so the response is typed as a plain string.
        count_views (int): Number of views in the workspace.
    """

    id: int
    name: str
    description: None | str
    access_scope: str
    created_at: datetime.datetime
    workspace_group_id: str
    count_views: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        description: None | str
        description = self.description

        access_scope = self.access_scope

        created_at = self.created_at.isoformat()

        workspace_group_id = self.workspace_group_id

        count_views = self.count_views

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "access_scope": access_scope,
                "created_at": created_at,
                "workspace_group_id": workspace_group_id,
                "count_views": count_views,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        access_scope = d.pop("access_scope")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        workspace_group_id = d.pop("workspace_group_id")

        count_views = d.pop("count_views")

        workspace = cls(
            id=id,
            name=name,
            description=description,
            access_scope=access_scope,
            created_at=created_at,
            workspace_group_id=workspace_group_id,
            count_views=count_views,
        )

        workspace.additional_properties = d
        return workspace

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
