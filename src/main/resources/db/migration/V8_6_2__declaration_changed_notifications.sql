-- Every change of a declaration or of one of its agency tasks is announced on the channel declaration_changed with
-- the declaration's id, delivered by PostgreSQL at commit to every node that listens. The web pages push it to the
-- browsers that show that declaration (Server-Sent Events), so any node can serve any page.
CREATE FUNCTION notify_declaration_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- IF, not CASE: each branch names a column only the one table has, and plpgsql checks a branch only when it runs.
    IF TG_TABLE_NAME = 'declaration' THEN
        PERFORM pg_notify('declaration_changed', NEW.id::text);
    ELSE
        PERFORM pg_notify('declaration_changed', NEW.declaration_id::text);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER declaration_changed AFTER INSERT OR UPDATE ON declaration
    FOR EACH ROW EXECUTE FUNCTION notify_declaration_changed();
CREATE TRIGGER agency_task_changed AFTER INSERT OR UPDATE ON agency_task
    FOR EACH ROW EXECUTE FUNCTION notify_declaration_changed();
