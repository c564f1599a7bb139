"""The guide's content: read from content/, checked, and kept as immutable objects."""

from .load import ContentError, load_content
from .model import Check, Content, Edition, Outcome, Question, Section, Topic
from .yamlread import Problem

__all__ = ["Check", "Content", "ContentError", "Edition", "Outcome", "Problem", "Question", "Section",
           "Topic", "load_content"]
