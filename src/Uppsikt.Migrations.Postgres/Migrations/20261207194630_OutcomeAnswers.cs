using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uppsikt.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OutcomeAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Answers",
                table: "Outcomes",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Answers",
                table: "Outcomes");
        }
    }
}
