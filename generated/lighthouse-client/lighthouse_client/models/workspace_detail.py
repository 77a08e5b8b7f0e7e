from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.view import View


T = TypeVar("T", bound="WorkspaceDetail")


@_attrs_define
class WorkspaceDetail:
    """A single workspace with its views. The page's example has no `created_at` or `count_views` here; they are not part
    of this shape.

        Attributes:
            id (int):
            name (str):
            description (None | str):
            access_scope (str): Open string. The page shows "public"; other values may appear.
            workspace_group_id (str): The group's id (plain string; the page's example shows the placeholder "uuid").
            views (list[View]):
    """

    id: int
    name: str
    description: None | str
    access_scope: str
    workspace_group_id: str
    views: list[View]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        description: None | str
        description = self.description

        access_scope = self.access_scope

        workspace_group_id = self.workspace_group_id

        views = []
        for views_item_data in self.views:
            views_item = views_item_data.to_dict()
            views.append(views_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "access_scope": access_scope,
                "workspace_group_id": workspace_group_id,
                "views": views,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.view import View  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        access_scope = d.pop("access_scope")

        workspace_group_id = d.pop("workspace_group_id")

        views = []
        _views = d.pop("views")
        for views_item_data in _views:
            views_item = View.from_dict(views_item_data)

            views.append(views_item)

        workspace_detail = cls(
            id=id,
            name=name,
            description=description,
            access_scope=access_scope,
            workspace_group_id=workspace_group_id,
            views=views,
        )

        workspace_detail.additional_properties = d
        return workspace_detail

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
