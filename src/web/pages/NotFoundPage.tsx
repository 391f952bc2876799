import { shellMessages } from '../messages';
import { useT } from '../i18n';
import { Link, PageHeading, Paragraph } from '../ui';

export function NotFoundPage() {
  const t = useT(shellMessages);
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <Paragraph>{t('notFound.body')}</Paragraph>
      <Paragraph>
        <Link to="/">{t('notFound.home')}</Link>
      </Paragraph>
    </>
  );
}
