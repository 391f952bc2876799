import { refreshAfterWrite } from '../../../web/queries';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { api, wsPath, type List } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { useSession } from '../../../web/session';
import {
  Alert,
  Button,
  ConfirmDialog,
  errorMessage,
  Heading,
  LoadError,
  Loading,
  PageHeading,
  Paragraph,
  RowHeader,
  SelectField,
  Table,
  TBody,
  Td,
  TextField,
  Th,
  THead,
  Tr,
  useFormErrors,
  useNotify,
} from '../../../web/ui';
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
  const [removing, setRemoving] = useState<Member | null>(null);
  const [values, setValues] = useState<{ email: string; name: string; role: Role }>({ email: '', name: '', role: 'professional' });
  const form = useFormErrors(
    {
      email: { id: 'member-email', label: t('members.email') },
      name: { id: 'member-name', label: t('members.name') },
      role: { id: 'member-role', label: t('members.role') },
    },
    { 'member.exists': 'email' },
  );
  const add = useMutation({
    mutationFn: () => api.post<Member>(wsPath(workspace.slug, 'members'), values),
    onSuccess: async (member) => {
      setValues({ email: '', name: '', role: 'professional' });
      await refreshAfterWrite(client, { queryKey: key });
      notify(t('members.added', { name: member.name, role: roleLabel(member.role).toLowerCase() }));
    },
    onError: (err) => form.setError(err),
  });
  const remove = useMutation({
    mutationFn: (member: Member) => api.delete(wsPath(workspace.slug, `members/${member.userId}`)),
    onSuccess: async (_r, member) => {
      setRemoving(null);
      await refreshAfterWrite(client, { queryKey: key });
      notify(t('members.removed', { name: member.name }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    form.clear();
    add.mutate();
  };
  const me = session.data?.user?.id;
  return (
    <>
      <PageHeading title={t('members.title')} />
      <Paragraph>{t('members.intro')}</Paragraph>
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <LoadError error={members.error} onRetry={() => members.refetch()} />
      ) : (
        <>
          <Table caption={t('members.caption')} captionHidden>
            <THead>
              <Th>{t('members.name')}</Th>
              {canManage && <Th>{t('members.email')}</Th>}
              <Th>{t('members.role')}</Th>
              <Th>{t('members.since')}</Th>
              {canManage && <Th>{ts('common.actions')}</Th>}
            </THead>
            <TBody>
              {members.data.items.map((member) => (
                <Tr key={member.userId}>
                  <RowHeader>
                    {member.name} {member.userId === me && <span className="dichter-small">{t('members.you')}</span>}
                  </RowHeader>
                  {canManage && <Td>{member.email ?? ts('common.none')}</Td>}
                  <Td>
                    {canManage ? (
                      <RoleForm
                        member={member}
                        onSaved={async (updated) => {
                          await refreshAfterWrite(client, { queryKey: key });
                          notify(t('members.roleChanged', { name: updated.name, role: roleLabel(updated.role).toLowerCase() }));
                        }}
                      />
                    ) : (
                      roleLabel(member.role)
                    )}
                  </Td>
                  <Td>{f.date(member.since)}</Td>
                  {canManage && (
                    <Td>
                      <Button appearance="danger" aria-label={t('members.removeOf', { name: member.name })} onClick={() => setRemoving(member)}>
                        {t('members.remove')}
                      </Button>
                    </Td>
                  )}
                </Tr>
              ))}
            </TBody>
          </Table>
          {members.data.items.length <= 1 && <Paragraph>{t('members.empty')}</Paragraph>}
        </>
      )}

      {canManage && (
        <section className="dichter-section dichter-narrow" aria-labelledby="members-add">
          <Heading level={2} id="members-add">
            {t('members.add')}
          </Heading>
          <Paragraph>{t('members.addIntro')}</Paragraph>
          {form.summary}
          <form onSubmit={submit} noValidate className="dichter-form">
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
            <Button type="submit" appearance="primary" busy={add.isPending}>
              {add.isPending ? ts('common.saving') : t('members.add')}
            </Button>
          </form>
        </section>
      )}

      <section className="dichter-section" aria-labelledby="members-roles">
        <Heading level={2} id="members-roles">
          {t('members.roles')}
        </Heading>
        <dl className="dichter-role-list">
          {ROLE_LIST.map((r) => (
            <div key={r}>
              <dt>{roleLabel(r)}</dt>
              <dd>{t(`roleinfo.${r}`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <ConfirmDialog
        open={!!removing}
        title={removing ? t('members.removeTitle', { name: removing.name }) : ''}
        body={removing ? t('members.removeBody', { name: removing.name }) : ''}
        confirmLabel={t('members.remove')}
        busy={remove.isPending}
        error={remove.isError ? <Alert type="error">{errorMessage(remove.error, ts)}</Alert> : undefined}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => {
          setRemoving(null);
          remove.reset();
        }}
      />
    </>
  );
}
