global using static ConflictTracker.Web.Tests.TestUsers;
using ConflictTracker.Testing;
using ConflictTracker.Web.Security;

namespace ConflictTracker.Web.Tests;

/// <summary>Who service tests act as, through the app's real policies.</summary>
internal static class TestUsers
{
    public static readonly IAccess Analyst = TestAccess.As(Roles.Analyst);
}
