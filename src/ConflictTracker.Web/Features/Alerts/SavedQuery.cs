using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Data.Alerts;
using ConflictTracker.Web.Features.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace ConflictTracker.Web.Features.Alerts;

/// <summary>
/// A saved search's query: what the claims explorer's address carries after <c>?</c>, read with the explorer's own
/// rules (<see cref="ClaimQueryString"/>) and kept without paging, so it always means "every claim that matches".
/// </summary>
public static class SavedQuery
{
    /// <summary>The query string (no '?') from a pasted address ("https://…/claims?q=x", "/claims?q=x", "?q=x",
    /// "q=x"); refused with the search's messages under <c>Query</c> when it does not read.</summary>
    public static string Normalise(string? text)
    {
        var raw = (text ?? "").Trim();
        if (raw.Length > SavedSearch.MaxQueryLength)
        {
            throw new DomainValidationException(
                "Query",
                $"The search must be at most {SavedSearch.MaxQueryLength:N0} characters (it has {raw.Length:N0})."
            );
        }

        Rules.CheckCharacters(raw, "Query");
        var mark = raw.IndexOf('?', StringComparison.Ordinal);
        if (mark < 0 && raw.Length > 0 && !raw.Contains('=', StringComparison.Ordinal))
        {
            throw new DomainValidationException(
                "Query",
                "Give the claims explorer's address (…/claims?q=budanov) or its query string (q=budanov)."
            );
        }

        raw = mark >= 0 ? raw[(mark + 1)..] : raw;
        ClaimQuery query;
        try
        {
            query = Read(raw);
            ClaimSearchService.Check(query);
        }
        catch (DomainValidationException ex)
        {
            throw new DomainValidationException(
                new Dictionary<string, string[]> { ["Query"] = ex.Errors.SelectMany(e => e.Value).ToArray() }
            );
        }

        var uri = ClaimQueryString.ToUri(
            query with
            {
                After = null,
                Before = null,
                PageSize = ClaimQuery.DefaultPageSize,
            }
        );
        var at = uri.IndexOf('?', StringComparison.Ordinal);
        var stored = at < 0 ? "" : uri[(at + 1)..];

        // Stored percent-encoded: a non-Latin search can grow several times longer than what was typed.
        if (stored.Length > SavedSearch.MaxQueryLength)
        {
            throw new DomainValidationException(
                "Query",
                $"The search must be at most {SavedSearch.MaxQueryLength:N0} characters once written as an "
                    + $"address (it has {stored.Length:N0}): shorten it."
            );
        }

        return stored;
    }

    /// <summary>The claims query a stored query string stands for.</summary>
    public static ClaimQuery Read(string query) =>
        ClaimQueryString.FromQuery(new QueryCollection(QueryHelpers.ParseQuery(query)));

    /// <summary>The explorer's address showing the search.</summary>
    public static string Link(string query) =>
        query.Length == 0 ? ClaimQueryString.Path : ClaimQueryString.Path + "?" + query;
}
