from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.related_entity import RelatedEntity


T = TypeVar("T", bound="Space")


@_attrs_define
class Space:
    """A space. The page shows the five fields below. Assumption: `_id` and `name` are always present, the others may be
    left out. Hydrated relations (`project`, `organization`) appear only when requested with `include`.

        Example:
            {'_id': 'string', 'name': 'string', 'projectId': 'string', 'status': 'string', 'priority': 'string'}

        Attributes:
            id (str): Convex document id (opaque string).
            name (str):
            project_id (str | Unset):
            status (str | Unset): Open string. The page shows "Draft" in request examples; other values may appear.
            priority (str | Unset): Open string. The page shows "urgent" in request examples; other values may appear.
            project (None | RelatedEntity | Unset): Assumption: hydrated with `include=project` or `include=all`; null when
                the space has no project.
            organization (None | RelatedEntity | Unset): Assumption: hydrated with `include=organization` or `include=all`;
                null in personal scope.
    """

    id: str
    name: str
    project_id: str | Unset = UNSET
    status: str | Unset = UNSET
    priority: str | Unset = UNSET
    project: None | RelatedEntity | Unset = UNSET
    organization: None | RelatedEntity | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.related_entity import RelatedEntity  # noqa: PLC0415

        id = self.id

        name = self.name

        project_id = self.project_id

        status = self.status

        priority = self.priority

        project: dict[str, Any] | None | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        elif isinstance(self.project, RelatedEntity):
            project = self.project.to_dict()
        else:
            project = self.project

        organization: dict[str, Any] | None | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        elif isinstance(self.organization, RelatedEntity):
            organization = self.organization.to_dict()
        else:
            organization = self.organization

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "_id": id,
                "name": name,
            }
        )
        if project_id is not UNSET:
            field_dict["projectId"] = project_id
        if status is not UNSET:
            field_dict["status"] = status
        if priority is not UNSET:
            field_dict["priority"] = priority
        if project is not UNSET:
            field_dict["project"] = project
        if organization is not UNSET:
            field_dict["organization"] = organization

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.related_entity import RelatedEntity  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("_id")

        name = d.pop("name")

        project_id = d.pop("projectId", UNSET)

        status = d.pop("status", UNSET)

        priority = d.pop("priority", UNSET)

        def _parse_project(data: object) -> None | RelatedEntity | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                project_type_0 = RelatedEntity.from_dict(data)

                return project_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RelatedEntity | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        def _parse_organization(data: object) -> None | RelatedEntity | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                organization_type_0 = RelatedEntity.from_dict(data)

                return organization_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RelatedEntity | Unset, data)

        organization = _parse_organization(d.pop("organization", UNSET))

        space = cls(
            id=id,
            name=name,
            project_id=project_id,
            status=status,
            priority=priority,
            project=project,
            organization=organization,
        )

        space.additional_properties = d
        return space

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
