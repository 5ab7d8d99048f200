using System.Security.Claims;
using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.WebApi.Audit;

namespace ParkingGrains.WebApi.Auth;

/// <summary>User administration (admins only).</summary>
internal static class UserEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(AuthPolicies.Admin);
        users.MapGet("/", ListAsync);
        users.MapGet("/{username}", GetAsync);
        users.MapPost("/", CreateAsync).Accepts<CreateUserRequest>("application/json");
        users.MapPut("/{username}", UpdateAsync).Accepts<UpdateUserRequest>("application/json");
    }

    private static async Task<IResult> ListAsync(IGrainFactory grains)
    {
        var names = await grains.GetGrain<IUserDirectoryGrain>(AccountGrainKeys.UserDirectory).List();
        var accounts = await Task.WhenAll(names.Select(name => grains.GetGrain<IUserGrain>(name).Get()));
        return TypedResults.Ok(accounts.OfType<UserAccount>().Select(UserView.From).ToList());
    }

    private static async Task<IResult> GetAsync(string username, IGrainFactory grains)
    {
        var normalized = Usernames.Normalize(username);
        var account = Usernames.IsValid(normalized) ? await grains.GetGrain<IUserGrain>(normalized).Get() : null;
        return account is null ? AuthProblems.NotFound($"No user {username}.") : TypedResults.Ok(UserView.From(account));
    }

    private static async Task<IResult> CreateAsync(CreateUserRequest? body, HttpContext http, IGrainFactory grains, PasswordVerifier passwords, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        var username = body?.Username is { } raw ? Usernames.Normalize(raw) : "";
        if (!Usernames.IsValid(username))
        {
            errors["username"] = ["2 to 64 characters: letters, digits, '.', '_', '-', '@', starting with a letter or digit."];
        }

        CheckPassword(body?.Password, required: true, errors);
        var roles = CheckRoles(body?.Roles, required: true, errors);
        if (errors.Count > 0)
        {
            return AuthProblems.Invalid(errors);
        }

        var created = await grains.GetGrain<IUserGrain>(username).Create(new NewUser(username, roles!, passwords.Hash(username, body!.Password!), time.GetUtcNow()));
        if (!created)
        {
            return AuthProblems.Conflict($"User {username} already exists.");
        }

        await http.AuditAsync("user.create", $"user:{username}", $"roles={string.Join('+', roles!)}");
        var account = await grains.GetGrain<IUserGrain>(username).Get();
        return TypedResults.Created($"/api/users/{username}", UserView.From(account!));
    }

    private static async Task<IResult> UpdateAsync(string username, UpdateUserRequest? body, HttpContext http, ClaimsPrincipal caller, IGrainFactory grains, PasswordVerifier passwords, TimeProvider time)
    {
        var normalized = Usernames.Normalize(username);
        if (!Usernames.IsValid(normalized))
        {
            return AuthProblems.NotFound($"No user {username}.");
        }

        var errors = new Dictionary<string, string[]>();
        if (body is null || (body.Roles is null && body.Password is null && body.Disabled is null))
        {
            return AuthProblems.Invalid("body", "Give roles, password or disabled to change.");
        }

        CheckPassword(body.Password, required: false, errors);
        var roles = CheckRoles(body.Roles, required: false, errors);
        if (errors.Count > 0)
        {
            return AuthProblems.Invalid(errors);
        }

        // An admin cannot lock themselves out; another admin has to do that.
        if (normalized == caller.GetUsername() && (body.Disabled == true || (roles is not null && !roles.Contains(UserRoles.Admin))))
        {
            return AuthProblems.Conflict("You cannot disable yourself or remove your own admin role.");
        }

        var hash = body.Password is null ? null : passwords.Hash(normalized, body.Password);
        var account = await grains.GetGrain<IUserGrain>(normalized).Update(new UserChange(roles, hash, body.Disabled, time.GetUtcNow()));
        if (account is null)
        {
            return AuthProblems.NotFound($"No user {username}.");
        }

        var changes = new List<string>();
        if (roles is not null)
        {
            changes.Add($"roles={string.Join('+', roles)}");
        }

        if (hash is not null)
        {
            changes.Add("password changed");
        }

        if (body.Disabled is { } disabled)
        {
            changes.Add($"disabled={(disabled ? "true" : "false")}");
        }

        await http.AuditAsync("user.update", $"user:{normalized}", string.Join("; ", changes));
        return TypedResults.Ok(UserView.From(account));
    }

    private static void CheckPassword(string? password, bool required, Dictionary<string, string[]> errors)
    {
        if (password is null && !required)
        {
            return;
        }

        if (password is null || password.Length < Usernames.MinPasswordLength || password.Length > Usernames.MaxPasswordLength)
        {
            errors["password"] = [$"{Usernames.MinPasswordLength} to {Usernames.MaxPasswordLength} characters."];
        }
    }

    private static List<string>? CheckRoles(IReadOnlyList<string?>? roles, bool required, Dictionary<string, string[]> errors)
    {
        if (roles is null && !required)
        {
            return null;
        }

        var normalized = roles?.Select(r => r?.Trim().ToLowerInvariant()).ToList() ?? [];
        if (normalized.Count == 0 || normalized.Any(r => r is null || !UserRoles.IsKnown(r)))
        {
            errors["roles"] = [$"One or more of: {string.Join(", ", UserRoles.All)}."];
            return null;
        }

        return [.. normalized.OfType<string>().Distinct()];
    }
}
