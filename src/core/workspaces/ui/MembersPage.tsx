import { refreshAfterWrite } from '../../../web/queries';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { api, wsPath, type List } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { useSession } from '../../../web/session';
import { Button, DataTable, errorMessage, Form, Loaded, PageHeading, Paragraph, Section, SelectField, SubmitButton, TextField, useConfirmedAction, useFormSubmit, useNotify } from '../../../web/ui';
import { useWorkspace } from '../../../web/workspace';
import type { memberView, Role } from '../schema';
import { ROLE_LIST, useRoleLabel } from './labels';
import { m } from './messages';

type Member = z.infer<typeof memberView>;

function RoleForm({ member, onSaved }: { member: Member; onSaved(member: Member): void }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const roleLabel = useRoleLabel();
  const { workspace } = useWorkspace();
  const [role, setRole] = useState<Role>(member.role);
  const id = `member-role-${member.userId}`;
  const save = useMutation({
    mutationFn: () => api.patch<Member>(wsPath(workspace.slug, `members/${member.userId}`), { role }),
    onSuccess: onSaved,
  });
  return (
    <form
      className="dichter-inline-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!save.isPending && role !== member.role) save.mutate();
      }}
    >
      <SelectField
        id={id}
        label={<span className="dichter-visually-hidden">{t('members.roleOf', { name: member.name })}</span>}
        value={role}
        onChange={(e) => {
          setRole(e.target.value as Role);
          save.reset();
        }}
        error={save.isError ? errorMessage(save.error, ts) : undefined}
        options={ROLE_LIST.map((r) => ({ value: r, label: roleLabel(r) }))}
      />
      <Button type="submit" busy={save.isPending} aria-label={t('members.saveRoleOf', { name: member.name })}>
        {t('members.saveRole')}
      </Button>
    </form>
  );
}

export default function MembersPage() {
  const t = useT(m);
  const ts = useT(shellMessages);
  const f = useFormat();
  const roleLabel = useRoleLabel();
  const notify = useNotify();
  const client = useQueryClient();
  const { workspace } = useWorkspace();
  const session = useSession();
  const key = ['w', workspace.slug, 'members'];
  const members = useQuery({ queryKey: key, queryFn: () => api.get<List<Member>>(wsPath(workspace.slug, 'members')) });
  const canManage = workspace.can.manageMembers;
  const [values, setValues] = useState<{ email: string; name: string; role: Role }>({ email: '', name: '', role: 'professional' });
  const form = useFormSubmit({
    fields: {
      email: { id: 'member-email', label: t('members.email') },
      name: { id: 'member-name', label: t('members.name') },
      role: { id: 'member-role', label: t('members.role') },
    },
    errorFields: { 'member.exists': 'email' },
    send: () => api.post<Member>(wsPath(workspace.slug, 'members'), values),
    onSaved: async (member) => {
      setValues({ email: '', name: '', role: 'professional' });
      await refreshAfterWrite(client, { queryKey: key });
      notify(t('members.added', { name: member.name, role: roleLabel(member.role).toLowerCase() }));
    },
  });
  const remove = useConfirmedAction({
    action: (member: Member) => api.delete(wsPath(workspace.slug, `members/${member.userId}`)),
    onDone: async (member) => {
      await refreshAfterWrite(client, { queryKey: key });
      notify(t('members.removed', { name: member.name }));
    },
  });
  const me = session.data?.user?.id;
  return (
    <>
      <PageHeading title={t('members.title')} />
      <Paragraph>{t('members.intro')}</Paragraph>
      <Loaded query={members}>
        {(data) => (
          <>
            <DataTable
              caption={t('members.caption')}
              captionHidden
              rows={data.items}
              rowKey={(member) => member.userId}
              columns={[
                {
                  header: t('members.name'),
                  rowHeader: true,
                  cell: (member) => (
                    <>
                      {member.name} {member.userId === me && <span className="dichter-small">{t('members.you')}</span>}
                    </>
                  ),
                },
                canManage && { header: t('members.email'), cell: (member) => member.email ?? ts('common.none') },
                {
                  header: t('members.role'),
                  cell: (member) =>
                    canManage ? (
                      <RoleForm
                        member={member}
                        onSaved={async (updated) => {
                          await refreshAfterWrite(client, { queryKey: key });
                          notify(t('members.roleChanged', { name: updated.name, role: roleLabel(updated.role).toLowerCase() }));
                        }}
                      />
                    ) : (
                      roleLabel(member.role)
                    ),
                },
                { header: t('members.since'), cell: (member) => f.date(member.since) },
                canManage && {
                  header: ts('common.actions'),
                  cell: (member) => (
                    <Button appearance="danger" aria-label={t('members.removeOf', { name: member.name })} onClick={() => remove.ask(member)}>
                      {t('members.remove')}
                    </Button>
                  ),
                },
              ]}
            />
            {data.items.length <= 1 && <Paragraph>{t('members.empty')}</Paragraph>}
          </>
        )}
      </Loaded>

      {canManage && (
        <Section id="members-add" title={t('members.add')} className="dichter-narrow">
          <Paragraph>{t('members.addIntro')}</Paragraph>
          <Form form={form}>
            <TextField id="member-name" label={t('members.name')} autoComplete="off" value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} error={form.fieldError('name')} />
            <TextField
              id="member-email"
              label={t('members.email')}
              type="email"
              autoComplete="off"
              spellCheck={false}
              value={values.email}
              onChange={(e) => setValues({ ...values, email: e.target.value })}
              error={form.fieldError('email')}
            />
            <SelectField
              id="member-role"
              label={t('members.role')}
              value={values.role}
              onChange={(e) => setValues({ ...values, role: e.target.value as Role })}
              error={form.fieldError('role')}
              options={ROLE_LIST.map((r) => ({ value: r, label: roleLabel(r) }))}
            />
            <SubmitButton busy={form.busy}>{t('members.add')}</SubmitButton>
          </Form>
        </Section>
      )}

      <Section id="members-roles" title={t('members.roles')}>
        <dl className="dichter-role-list">
          {ROLE_LIST.map((r) => (
            <div key={r}>
              <dt>{roleLabel(r)}</dt>
              <dd>{t(`roleinfo.${r}`)}</dd>
            </div>
          ))}
        </dl>
      </Section>

      {remove.dialog((member) => ({
        title: t('members.removeTitle', { name: member.name }),
        body: t('members.removeBody', { name: member.name }),
        confirmLabel: t('members.remove'),
      }))}
    </>
  );
}
