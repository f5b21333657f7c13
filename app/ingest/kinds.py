"""Closed vocabularies of the data model that are not pipeline output."""

from enum import StrEnum


class ActorKind(StrEnum):
    COUNTRY = "country"
    CITY = "city"
    REGION = "region"
    COMPANY = "company"
    ORGANIZATION = "organization"
    PERSON = "person"
    INITIATIVE = "initiative"
    POLICY = "policy"
    GROUP = "group"
