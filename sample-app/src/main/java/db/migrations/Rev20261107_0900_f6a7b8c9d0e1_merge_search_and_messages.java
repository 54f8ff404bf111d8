package db.migrations;

import dev.migrations.api.Migration;
import dev.migrations.api.Ops;
import dev.migrations.api.Revision;

/** Joins the two branches again: written by {@code migrations merge -m "merge search and messages" heads}. */
@Revision(
        id = "f6a7b8c9d0e1",
        down = {"d4e5f6a7b8c9", "e5f6a7b8c9d0"},
        message = "merge search and messages",
        createDate = "2026-11-07 09:00:00")
public class Rev20261107_0900_f6a7b8c9d0e1_merge_search_and_messages implements Migration {

    @Override
    public void upgrade(Ops ops) {}

    @Override
    public void downgrade(Ops ops) {}
}
