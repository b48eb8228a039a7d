using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uppsikt.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchColumnsWithoutIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Units_SearchText",
                table: "Units");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_SearchText",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Providers_SearchText",
                table: "Providers");

            migrationBuilder.DropIndex(
                name: "IX_CycleTasks_SearchText",
                table: "CycleTasks");

            migrationBuilder.DropIndex(
                name: "IX_ConditionVersions_SearchText",
                table: "ConditionVersions");

            migrationBuilder.DropIndex(
                name: "IX_Committees_SearchText",
                table: "Committees");

            migrationBuilder.DropIndex(
                name: "IX_ChoiceSystems_SearchText",
                table: "ChoiceSystems");

            migrationBuilder.DropIndex(
                name: "IX_Authorisations_SearchText",
                table: "Authorisations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Units_SearchText",
                table: "Units",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_SearchText",
                table: "Reviews",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_Providers_SearchText",
                table: "Providers",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_CycleTasks_SearchText",
                table: "CycleTasks",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_ConditionVersions_SearchText",
                table: "ConditionVersions",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_Committees_SearchText",
                table: "Committees",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_ChoiceSystems_SearchText",
                table: "ChoiceSystems",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_Authorisations_SearchText",
                table: "Authorisations",
                column: "SearchText");
        }
    }
}
