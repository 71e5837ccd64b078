namespace ConflictTracker.Web.Security;

/// <summary>The four roles. What each may do is decided by the policies in <see cref="Policies"/>.</summary>
public static class Roles
{
    public const string Analyst = "Analyst";
    public const string Editor = "Editor";
    public const string Reviewer = "Reviewer";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Analyst, Editor, Reviewer, Admin];

    /// <summary>Fixed ids so the roles exist after migrating, with no start-up seeding.</summary>
    internal static readonly IReadOnlyDictionary<string, Guid> Ids = new Dictionary<string, Guid>
    {
        [Analyst] = new("0193a000-0000-7000-8000-000000000001"),
        [Editor] = new("0193a000-0000-7000-8000-000000000002"),
        [Reviewer] = new("0193a000-0000-7000-8000-000000000003"),
        [Admin] = new("0193a000-0000-7000-8000-000000000004"),
    };
}
