from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.meta import Meta
    from ..models.workspace_list import WorkspaceList


T = TypeVar("T", bound="WorkspaceListResponse")


@_attrs_define
class WorkspaceListResponse:
    """
    Attributes:
        code (str): "success" on success.
        data (WorkspaceList):
        meta (Meta): Pagination metadata. `pageSize` is the page size after clamping to 100.
    """

    code: str
    data: WorkspaceList
    meta: Meta
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        data = self.data.to_dict()

        meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "data": data,
                "meta": meta,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.meta import Meta  # noqa: PLC0415
        from ..models.workspace_list import WorkspaceList  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        data = WorkspaceList.from_dict(d.pop("data"))

        meta = Meta.from_dict(d.pop("meta"))

        workspace_list_response = cls(
            code=code,
            data=data,
            meta=meta,
        )

        workspace_list_response.additional_properties = d
        return workspace_list_response

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
