import { defineModule } from '../../platform/module';

export default defineModule({
  id: 'reports',
});
