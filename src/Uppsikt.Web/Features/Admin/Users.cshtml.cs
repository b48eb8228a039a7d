using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Admin;

public sealed class UsersModel(UserAdministration administration, RegisterLookups lookups) : PageModel
{
    public sealed class UserForm
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Role { get; set; }
        public string? ProviderOrganisationNumber { get; set; }
        public Guid? AdministrationId { get; set; }
        public DateOnly? AccessExpiresOn { get; set; }
    }

    [BindProperty]
    public UserForm Input { get; set; } = new();

    public List<UserRow> Users { get; private set; } = [];

    public List<SelectListItem> Administrations { get; private set; } = [];

    public List<SelectListItem> RoleOptions { get; } = [.. Roles.All.Select(r => new SelectListItem(Roles.SwedishName(r), r))];

    public string? GeneratedPassword { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (user, password, errors) = await administration.CreateAsync(new NewUser(Input.Email, Input.DisplayName, Input.Role, null,
                Input.ProviderOrganisationNumber, Input.AdministrationId, Input.AccessExpiresOn), cancellationToken);
            if (user is not null)
            {
                GeneratedPassword = password;
                Input = new UserForm();
                ModelState.Clear();
            }
            else
            {
                ModelState.AddFrom(SaveResult.Invalid(errors));
            }
        }
        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Users = await administration.ListAsync(cancellationToken);
        Administrations = await lookups.AdministrationsAsync(cancellationToken);
    }
}
